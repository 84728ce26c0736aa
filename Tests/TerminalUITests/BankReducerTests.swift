import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Bank screen: search, curation, history, undo")
struct BankReducerTests {
    let size = Size(width: 80, height: 24)

    func loaded() -> AppState {
        var state = Sample.state()
        Scenario.press(&state, .character("2"))
        Scenario.send(&state, [.itemsLoaded(Sample.bankItems, scores: [:])])
        return state
    }

    @Test("a list asks for the selected item's detail once")
    func detailRequested() {
        var state = Sample.state()
        Scenario.press(&state, .character("2"))
        #expect(Scenario.send(&state, [.itemsLoaded(Sample.bankItems, scores: [:])]) == [.loadItem(id: Sample.sortItem.id)])
        #expect(Scenario.send(&state, [.itemsLoaded(Sample.bankItems, scores: [:])]).isEmpty)
        Scenario.send(&state, [.itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        #expect(state.bank.selectedDetail?.usage == Sample.usage)
    }

    @Test("moving the selection loads the new item's detail")
    func selection() {
        var state = loaded()
        #expect(Scenario.press(&state, .character("j")) == [.loadItem(id: Sample.messageItem.id)])
        #expect(Scenario.press(&state, .character("G")) == [.loadItem(id: Sample.bankItems[6].id)])
        #expect(Scenario.press(&state, .character("j")).isEmpty)
        #expect(Scenario.press(&state, .character("g")) == [.loadItem(id: Sample.sortItem.id)])
    }

    @Test("/ types a query; enter searches; S and a re-run it; esc clears it")
    func search() {
        var state = loaded()
        Scenario.press(&state, .character("/"))
        #expect(state.keyContexts.first == .search)
        Scenario.send(&state, Scenario.keys("sortx"))
        Scenario.press(&state, .backspace)
        #expect(Scenario.press(&state, .enter) == [.loadItems(query: "sort", semantic: false, includeArchived: false)])
        #expect(state.bank.input == nil)
        #expect(Scenario.press(&state, .character("S")) == [.loadItems(query: "sort", semantic: true, includeArchived: false)])
        #expect(Scenario.press(&state, .character("a")) == [.loadItems(query: "sort", semantic: true, includeArchived: true)])
        #expect(Scenario.press(&state, .escape) == [.loadItems(query: "", semantic: true, includeArchived: true)])
        #expect(state.bank.query == "")
        Scenario.press(&state, .character("/"))
        Scenario.send(&state, Scenario.keys("abc"))
        #expect(Scenario.press(&state, .escape).isEmpty)
        #expect(state.bank.query == "")
    }

    @Test("semantic results show their scores")
    func scores() {
        var state = loaded()
        Scenario.send(&state, [.itemsLoaded([Sample.sortItem], scores: [Sample.sortItem.id: 0.8123])])
        let grid = WorkbenchProgram.render(state, size: size, theme: .plain)
        #expect(grid.text.contains("SCORE"))
        #expect(grid.text.contains("0.812"))
    }

    @Test("x archives an active item and restores an archived one; p pins and unpins")
    func archiveAndPin() {
        var state = loaded()
        #expect(Scenario.press(&state, .character("x")) == [.archiveItem(id: Sample.sortItem.id)])
        #expect(Scenario.press(&state, .character("p")) == [.setPinned(id: Sample.sortItem.id, false)])
        Scenario.press(&state, .character("j"), .character("j"), .character("j"), .character("j"))
        #expect(state.bank.selectedItem?.isArchived == true)
        #expect(Scenario.press(&state, .character("x")) == [.restoreItem(id: "m-418fb04b10ff")])
        #expect(Scenario.press(&state, .character("p")) == [.setPinned(id: "m-418fb04b10ff", true)])
    }

    @Test("m marks items in order; M merges them; M with fewer than two warns")
    func merge() {
        var state = loaded()
        #expect(Scenario.press(&state, .character("M")).isEmpty)
        #expect(state.status?.kind == .warning)
        Scenario.press(&state, .character("j"), .character("j"), .character("m"), .character("k"), .character("k"), .character("m"))
        #expect(state.bank.marked == ["m-b7d0ae5f68f2", Sample.sortItem.id])
        Scenario.press(&state, .character("j"), .character("m"), .character("m"))
        #expect(state.bank.marked == ["m-b7d0ae5f68f2", Sample.sortItem.id], "m again unmarks")
        #expect(Scenario.press(&state, .character("M")) == [.mergeItems(["m-b7d0ae5f68f2", Sample.sortItem.id])])
        #expect(state.bank.marked.isEmpty)
    }

    @Test("h shows the history; enter diffs a revision against the current one; esc walks back")
    func history() {
        var state = loaded()
        Scenario.send(&state, [.itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        #expect(Scenario.press(&state, .character("h")).isEmpty)
        #expect(state.bank.mode == .history)
        #expect(state.keyContexts.first == .bankHistory)
        Scenario.press(&state, .character("j"), .enter)
        #expect(state.bank.mode == .diff(revision: 1))
        let diff = BankScreenView.diffLines(state.bank, revision: 1, width: 70).map(\.text)
        #expect(diff.contains("- Sort listings"))
        #expect(diff.contains("+ Sort the listing instead of scanning it"))
        #expect(diff.contains("  # Title"))
        Scenario.press(&state, .escape)
        #expect(state.bank.mode == .history)
        Scenario.press(&state, .escape)
        #expect(state.bank.mode == .fields)
        #expect(state.bank.focus == .detail)
        Scenario.press(&state, .escape)
        #expect(state.bank.focus == .list)
    }

    @Test("u undoes; a bank change flashes and reloads the list and the detail")
    func undoAndReload() {
        var state = loaded()
        #expect(Scenario.press(&state, .character("u")) == [.undo])
        let effects = Scenario.send(&state, [.bankChanged("Undone: archive m-b172d60d0e3f.")])
        #expect(effects == [.loadItems(query: "", semantic: false, includeArchived: false), .loadItem(id: Sample.sortItem.id)])
        #expect(state.status == StatusLine(text: "Undone: archive m-b172d60d0e3f.", kind: .success))
    }

    @Test("e edits the item in $EDITOR and saves what comes back")
    func editInEditor() {
        var state = loaded()
        Scenario.send(&state, [.itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        let request = EditorRequest(purpose: .editItem(id: Sample.sortItem.id), text: ItemText.text(Sample.sortItem.fields))
        #expect(Scenario.press(&state, .character("e")) == [.openEditor(request)])
        var fields = Sample.sortItem.fields
        fields.content = "Sort, then open the first result."
        #expect(Scenario.send(&state, [.editorFinished(request, ItemText.text(fields))]) == [.editItem(id: Sample.sortItem.id, fields)])
        #expect(Scenario.send(&state, [.editorFinished(request, ItemText.text(Sample.sortItem.fields))]).isEmpty)
        #expect(Scenario.send(&state, [.editorFinished(request, "no headings at all")]).isEmpty)
        #expect(state.status?.kind == .failure)
    }

    @Test("t renames the item inline")
    func rename() {
        var state = loaded()
        Scenario.press(&state, .character("t"))
        #expect(state.keyContexts.first == .titleInput)
        Scenario.press(&state, .control("u"))
        Scenario.send(&state, Scenario.keys("Sort first"))
        var fields = Sample.sortItem.fields
        fields.title = "Sort first"
        #expect(Scenario.press(&state, .enter) == [.editItem(id: Sample.sortItem.id, fields)])
        Scenario.press(&state, .character("t"), .control("u"))
        #expect(Scenario.press(&state, .enter).isEmpty)
        #expect(state.status?.kind == .warning)
        Scenario.press(&state, .character("t"))
        #expect(Scenario.press(&state, .enter).isEmpty, "an unchanged title is not saved")
    }

    @Test("tab moves focus to the detail; j scrolls it within its text")
    func detailScroll() {
        var state = loaded()
        Scenario.send(&state, [.itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        Scenario.press(&state, .tab)
        #expect(state.bank.focus == .detail)
        for _ in 0..<100 { Scenario.press(&state, .character("j")) }
        let rect = Grid.paneInterior(BankScreenView.layout(ScreenFrame(size: size).body, focus: .detail).detail)
        let lines = BankScreenView.detailLines(state.bank, width: rect.width).count
        #expect(state.bank.detailScroll == lines - rect.height)
    }

    @Test("commands that need an item say so on an empty bank")
    func emptyBank() {
        var state = Sample.state()
        Scenario.press(&state, .character("2"))
        Scenario.send(&state, [.itemsLoaded([], scores: [:])])
        for key in ["e", "x", "p", "h", "t"] {
            #expect(Scenario.press(&state, .character(Character(key))).isEmpty)
            #expect(state.status?.kind == .warning)
        }
        #expect(WorkbenchProgram.render(state, size: size, theme: .plain).text.contains("The bank is empty."))
    }

    @Test("a new list keeps the selection on the same item")
    func keepSelection() {
        var state = loaded()
        Scenario.press(&state, .character("j"), .character("j"))
        let reversed = Array(Sample.bankItems.reversed())
        Scenario.send(&state, [.itemsLoaded(reversed, scores: [:])])
        #expect(state.bank.selectedItem?.id == "m-b7d0ae5f68f2")
    }
}
