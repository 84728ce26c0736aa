/// Known-good model outputs used by the parser tests.
enum ParserFixtures {
    static let react = """
        Thought: The memory item about counting is relevant. I will count every occurrence.
        Action: answer('3')
        """
    static let tagged = "<think>Search first, then open the product.</think>\n<action>click('12')</action>"
    static let verdict = """
        Thoughts: The agent answered with the number of orders shown on the page, which matches the intent.
        Status: "success"
        """
    static let items = """
        The agent succeeded because it paginated through the order history.

        # Memory Item 1
        ## Title Paginate before concluding
        ## Description Use when a list spans several pages.
        ## Content Open every page of the list before answering; the first page is rarely complete.

        # Memory Item 2
        ## Title Check the filter
        ## Description Use when results look too few.
        ## Content Clear filters and search again with fewer words.
        """
}
