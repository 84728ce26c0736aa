import ArgumentParser
import Foundation
import LineREPL
import ReasoningBank
import TerminalUI

/// The `:` palette speaks the CLI's command language: a line is split like a shell would, parsed by the
/// same ArgumentParser commands, and then either becomes an effect (`run --task ID` starts a run on the
/// Run screen) or runs as a text command whose output the palette shows (`bank show`, `config`, …).
enum PaletteCommand {
    enum Outcome {
        case startRun(taskID: String)
        case startScaling(taskID: String, mode: ScalingMode, k: Int)
        case output(title: String, text: String, changedBank: Bool)
    }

    /// What `line` asks for. `bankPath` is added as `--bank` unless the line names a bank itself.
    static func outcome(for line: String, bankPath: String) throws -> Outcome {
        var arguments = try split(line)
        if arguments.first == "rbank" { arguments.removeFirst() }
        guard !arguments.isEmpty else { throw CLIError("Type a command, e.g. bank search price, or help.") }
        if arguments == ["help"] { return .output(title: "help", text: RBank.helpMessage(), changedBank: false) }
        if !arguments.contains("--bank"), arguments.first != "help" { arguments += ["--bank", bankPath] }
        let command: any ParsableCommand
        do { command = try RBank.parseAsRoot(arguments) } catch {
            let text = RBank.fullMessage(for: error)
            if RBank.exitCode(for: error) == .success { return .output(title: line, text: text, changedBank: false) }
            throw CLIError(text)
        }
        switch command {
        case let run as RunCommand:
            guard let taskID = run.taskID else {
                throw CLIError("In the workbench, run takes a task of the suite: run --task ID (or press r to pick one).")
            }
            return .startRun(taskID: taskID)
        case let matts as MaTTSCommand:
            guard let taskID = matts.taskID else {
                throw CLIError("In the workbench, matts takes a task of the suite: matts parallel --k 3 --task ID.")
            }
            return .startScaling(taskID: taskID, mode: matts.mode, k: matts.k)
        case let textCommand as any TextOutputCommand:
            return .output(title: line, text: try textCommand.output(), changedBank: textCommand is any BankChangingCommand)
        default:
            throw CLIError(
                "`\(line)` runs in a shell: rbank \(line). The palette takes run --task ID, matts parallel|sequential --k N --task ID, config, and bank list, show, "
                    + "search, stats, delete, restore, merge and undo.")
        }
    }

    /// Splits a line into arguments like a shell (the command language's one splitter, `CommandWords`).
    static func split(_ line: String) throws -> [String] {
        do { return try CommandWords.split(line) } catch { throw CLIError(error.description) }
    }
}
