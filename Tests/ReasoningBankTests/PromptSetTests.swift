import ReasoningBank
import TestSupport
import Testing

@Suite struct PromptSetTests {
    @Test func renderFillsPlaceholdersOnce() throws {
        let prompts = try ProjectFiles.defaultPrompts()
        let text = prompts.render(.agentTask, ["query": "What is {{observation}}?", "observation": "obs"])
        #expect(text.contains("Task: What is {{observation}}?"))
        #expect(text.contains("obs"))
    }

    @Test func missingPlaceholderIsRefused() throws {
        var templates: [PromptFile: String] = [:]
        for file in PromptFile.allCases { templates[file] = file.requiredPlaceholders.map { "{{\($0)}}" }.joined() }
        templates[.judgeUser] = "User Intent: {{query}}"
        let info = PromptSetInfo(name: "broken", location: "/tmp/broken", fileHashes: [:])
        #expect(throws: PromptSetError.missingPlaceholder(set: "/tmp/broken", file: "judge_user.md", placeholder: "action_history")) {
            try PromptSet(info: info, templates: templates)
        }
    }

    @Test func injectionPreambleFollowsThePaper() throws {
        let text = try ProjectFiles.defaultPrompts().template(.memoryInjection)
        #expect(text.contains("memory items that I accumulated from past interaction"))
        #expect(text.contains("explicitly discuss whether you want to use each memory item"))
    }
}
