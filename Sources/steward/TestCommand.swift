import ArgumentParser
import Foundation
import StewardRuntime
import StewardSkills

/// `steward test`: plays conversation scripts against the agent and checks every reply.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run conversation scripts (YAML) against the agent and check every reply.",
        discussion: """
            Each PATH is a script file or a folder searched for *.yaml recursively; without PATH, every \
            Skills/*/conversations/ folder. A skill whose skill.yaml or examples are broken is a failure \
            (FAIL Skill NAME, with the file, line and problem). Each script runs on a fresh engine against the demo store, with \
            sessions and tickets in memory (no database is touched). Prints PASS or FAIL per script, with the \
            first difference of a failing one, then "N passed, M failed"; exits 1 when any script fails. \
            The format is described in docs/ConversationTests.md.
            """
    )

    @Option(
        name: .long,
        help: "Settings under every script's own `config` (default: the built-in defaults; `integrations` and `store` are ignored).")
    var config: String?

    @Argument(help: "Script files or folders (default: every Skills/*/conversations/ folder).")
    var paths: [String] = []

    func run() async throws {
        var baseYAML: String?
        if let config {
            do {
                baseYAML = try String(contentsOfFile: config, encoding: .utf8)
            } catch {
                throw ConfigurationError.unreadable(path: config, reason: "no such file, or not UTF-8 text")
            }
            // Checked here so that a mistake is reported with the file's own lines.
            _ = try StewardConfiguration.parse(yaml: baseYAML!, path: config)
        }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let runner = ConversationRunner(skills: ShippedSkills.all, baseDirectory: root, configurationYAML: baseYAML)
        let searched = paths.isEmpty ? runner.defaultPaths() : paths
        guard !searched.isEmpty else {
            throw ConversationScriptError.noScripts(searched: ["Skills/*/conversations/ under \(root.path)"])
        }
        let files = try runner.scriptFiles(in: searched)
        // A skill whose skill.yaml or examples are broken fails the run (its scripts would fail anyway).
        var results: [ScriptResult] = runner.brokenSkills()
        for result in results { write(result.report) }
        for file in files {
            let result = await runner.run(file: file)
            results.append(result)
            write(result.report)
        }
        write("\n" + ScriptResult.summary(results))
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// Writes a line to standard output at once, so results show while later scripts run.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
