import Foundation
import ReasoningBank
import TestSupport
import Testing

@testable import Environments

/// Small protocol children written for the tests: a well-behaved one and ones that break in each way.
private enum Children {
    /// Answers hello, tasks and one episode of task `t1` (`finish('text')` ends it; success for `ok`);
    /// on `reset` it misbehaves as `fault` says: `exit`, `stall`, `garbage`, `wrong-id`, `error` or `none`.
    static func script(fault: String, protocolVersion: Int = 1) -> String {
        """
        import json, sys, time
        said = None
        def out(obj): print(json.dumps(obj), flush=True)
        for line in sys.stdin:
            r = json.loads(line); m = r["method"]; p = r.get("params") or {}
            if m == "hello": out({"id": r["id"], "result": {"protocol": \(protocolVersion), "name": "children", "action_guide": "Actions: finish('text')."}})
            elif m == "tasks": out({"id": r["id"], "result": {"tasks": [{"id": "t1", "query": "Say ok"}]}})
            elif m == "reset":
                fault = "\(fault)"
                if fault == "exit": print("boom: the simulator crashed", file=sys.stderr, flush=True); sys.exit(3)
                if fault == "stall": time.sleep(3600)
                if fault == "garbage": print("Loading model weights...", flush=True); continue
                if fault == "wrong-id": out({"id": r["id"] + 7, "result": {}}); continue
                if fault == "error": out({"id": r["id"], "error": {"message": "no such level", "code": "unknown_task"}}); continue
                out({"id": r["id"], "result": {"observation": {"text": "A room.", "valid_actions": ["finish('text')"], "info": {"gold_actions": ["finish('ok')"]}}}})
            elif m == "step":
                a = p["action"]; said = a[8:-2] if a.startswith("finish('") else None
                out({"id": r["id"], "result": {"observation": {"text": "Done." if said else "Error: unknown action"}, "done": said is not None, "answer": said}})
            elif m == "final_state": out({"id": r["id"], "result": {"text": f"said {said!r}"}})
            elif m == "evaluate": out({"id": r["id"], "result": {"ground_truth": {"success": said == "ok", "expected": "ok"}}})
            elif m == "close": out({"id": r["id"], "result": {}}); break
        """
    }

    static func write(_ folder: TemporaryDirectory, fault: String, protocolVersion: Int = 1) throws -> String {
        let file = folder.path("child-\(fault)-\(protocolVersion).py")
        try script(fault: fault, protocolVersion: protocolVersion).write(to: file, atomically: true, encoding: .utf8)
        return "python3 \(file.path)"
    }
}

private func loop(_ environment: any Environment, agent: [String]) throws -> ClosedLoop {
    let model = ScriptedModel(
        scripts: [.agent: agent],
        fallback: [
            .agent: "Thought: I give up.\nAction: finish('no')", .judge: "Thoughts: checked.\nStatus: \"success\"",
            .extractSuccess: "", .extractFailure: "",
        ])
    return ClosedLoop(
        models: ModelRoles(all: model), embedder: WordEmbedder(), environment: environment, store: InMemoryMemoryStore(),
        prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings())
}

@Suite("The process bridge", .serialized)
struct ProcessEnvironmentTests {
    @Test("a well-behaved child: handshake, suite, an episode through the loop, ground truth")
    func roundTrip() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = try await ProcessEnvironment.connect(
            command: try Children.write(folder, fault: "none"), workingDirectory: folder.url, timeout: .seconds(20))
        #expect(environment.name == "children")
        #expect(environment.actionGuide == "Actions: finish('text').")
        let tasks = try await environment.tasks()
        #expect(tasks.map(\.id) == ["t1"] && tasks.first?.environment == "children")
        let record = try await loop(environment, agent: ["Thought: say it.\nAction: finish('ok')"]).runToCompletion(tasks[0])
        #expect(record.status == .success)
        #expect(record.groundTruth == GroundTruth(success: true, expected: "ok", detail: ""))
        #expect(record.trajectory.finalAnswer == "ok")
        #expect(record.trajectory.finalState == "said 'ok'")
        // One child served the handshake, the suite and the episode.
        #expect(await environment.pool.launched == 1)
        await environment.shutDown()
    }

    @Test(
        "a child that exits, stalls, writes garbage, answers another id or fails ends the run as error, with why",
        arguments: [
            ("exit", "exited with status 3"), ("stall", "did not answer `reset` within 1.5 s"),
            ("garbage", "\"Loading model weights...\""), ("wrong-id", "answers request"), ("error", "no such level"),
        ])
    func faults(fault: String, expected: String) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = try await ProcessEnvironment.connect(
            command: try Children.write(folder, fault: fault), workingDirectory: folder.url, timeout: .milliseconds(1500))
        let record = try await loop(environment, agent: []).runToCompletion(
            TaskSpec(id: "t1", query: "Say ok", environment: "children"))
        #expect(record.status == .error)
        let message = record.errorMessage ?? ""
        #expect(message.contains(expected), "\(message)")
        if fault == "exit" { #expect(message.contains("boom: the simulator crashed")) }
        // The broken child is never reused: the next episode gets a fresh one.
        _ = try await loop(environment, agent: []).runToCompletion(TaskSpec(id: "t1", query: "Say ok", environment: "children"))
        #expect(await environment.pool.launched == 2)
        await environment.shutDown()
    }

    @Test("another protocol version and a command that does not start are refused with what to do")
    func refusals() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        await #expect(throws: ProcessEnvironmentError.self) {
            _ = try await ProcessEnvironment.connect(
                command: try Children.write(folder, fault: "none", protocolVersion: 2), workingDirectory: folder.url)
        }
        do {
            _ = try await ProcessEnvironment.connect(
                command: "/nonexistent/env-binary", workingDirectory: folder.url, timeout: .seconds(5))
            Issue.record("a missing command connected")
        } catch {
            #expect(String(describing: error).contains("exited with status 127"), "\(error)")
        }
    }

    @Test("MaTTS parallel gets one child per trajectory")
    func oneChildPerTrajectory() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = try await ProcessEnvironment.connect(
            command: try Children.write(folder, fault: "none"), workingDirectory: folder.url, timeout: .seconds(20))
        let matts = MaTTS(
            loop: try loop(environment, agent: []), scaling: ScalingSettings(mode: .parallel, k: 3))
        let record = try await matts.run(TaskSpec(id: "t1", query: "Say ok", environment: "children")) { _ in }
        #expect(record.scaling?.attempts.filter(\.finished).count == 3)
        #expect(await environment.pool.launched == 3)
        await environment.shutDown()
    }
}

@Suite("TextWorldExpress through the bridge", .serialized)
struct TextWorldExpressBridgeTests {
    private func connect() async throws -> ProcessEnvironment {
        try await ProcessEnvironment.connect(
            command: "python3 adapters/textworld_express.py", workingDirectory: ProjectFiles.root, timeout: .seconds(120))
    }

    /// The game's gold action sequence for `taskID`, from the `info` of a reset.
    private func gold(_ environment: ProcessEnvironment, _ task: TaskSpec) async throws -> [String] {
        let session = try await environment.makeSession(for: task)
        _ = try await session.reset()
        let actions = try #require(await (session as? ProcessSession)?.lastInfo?["gold_actions"]?.strings)
        await session.close()
        return actions
    }

    @Test("a scripted agent that plays the gold action sequence ends with ground-truth success",
          arguments: ["coin-0", "mapreader-1", "sorting-2", "arithmetic-3"])
    func goldPath(taskID: String) async throws {
        let environment = try await connect()
        let task = try #require(try await environment.tasks().first { $0.id == taskID })
        let actions = try await gold(environment, task)
        #expect(!actions.isEmpty)
        let steps = actions.map { "Thought: the gold path says so.\nAction: \($0)" }
        let record = try await loop(environment, agent: steps).runToCompletion(task)
        #expect(record.status != .error, "\(record.errorMessage ?? "")")
        #expect(record.groundTruth?.success == true, "\(record.trajectory.finalState)")
        #expect(record.trajectory.steps.map(\.action) == actions)
        await environment.shutDown()
    }

    @Test("seeded random valid actions end in failure")
    func randomActions() async throws {
        let environment = try await connect()
        let task = try #require(try await environment.tasks().first { $0.id == "arithmetic-3" })
        var generator = SplitMix64(seed: 11)
        var chosen: [String] = []
        let session = try await environment.makeSession(for: task)
        var observation = try await session.reset()
        var done = false
        while !done, chosen.count < 12 {
            let valid = observation.validActions ?? []
            guard !valid.isEmpty else { break }
            let action = valid[Int.random(in: 0..<valid.count, using: &generator)]
            chosen.append(action)
            let outcome = try await session.step(action)
            observation = outcome.observation
            done = outcome.isDone
        }
        let truth = try await session.evaluate()
        await session.close()
        #expect(truth?.success == false, "random play \(chosen) won")
        await environment.shutDown()
    }
}
