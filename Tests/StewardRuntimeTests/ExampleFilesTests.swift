import Foundation
import Testing
@testable import StewardRuntime

@Suite struct ExampleFilesTests {
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func linesCommentsAndOrderNumbers() {
        let lines = ExampleFiles.lines(of: "# what the intent covers\n\n  where is my order  \n#1001 hasn't arrived\n#\nWHERE IS MY ORDER\n# 1001 is a comment\n")
        #expect(lines == ["where is my order", "#1001 hasn't arrived"])
    }

    @Test func readsIntentsByLanguage() throws {
        let root = try folder(["en/return_start.txt": "i want to return this\n", "pl/return_start.txt": "chcę zwrócić\n", "en/return_status.txt": "where is my refund\n"])
        let read = try ExampleFiles.read(folder: root)
        #expect(read["return_start"] == ["en": ["i want to return this"], "pl": ["chcę zwrócić"]])
        #expect(read["return_status"] == ["en": ["where is my refund"]])
        #expect(try ExampleFiles.read(folder: root.appendingPathComponent("missing")).isEmpty)
    }

    @Test func badLayoutsNameTheFile() throws {
        let badLanguage = try folder(["english/return_start.txt": "x\n"])
        #expect(throws: ExampleFilesError.self) { try ExampleFiles.read(folder: badLanguage) }
        do { _ = try ExampleFiles.read(folder: badLanguage) } catch {
            #expect(error.description.contains("english"))
            #expect(error.description.contains("ISO 639-1"))
        }
        let notText = try folder(["en/return_start.yaml": "x\n"])
        do {
            _ = try ExampleFiles.read(folder: notText)
            Issue.record("a .yaml file was accepted")
        } catch {
            #expect(error.description.contains("return_start.yaml"))
        }
        let loose = try folder(["return_start.txt": "x\n"])
        #expect(throws: ExampleFilesError.self) { try ExampleFiles.read(folder: loose) }
    }

    @Test func extraExamplesMustNameAKnownIntent() throws {
        let root = try folder(["en/no_such_intent.txt": "hello there\n"])
        var configuration = StewardConfiguration()
        configuration.router.examplesDirectory = root.path
        do {
            _ = try makeEngine(configuration: configuration)
            Issue.record("an unknown intent was accepted")
        } catch {
            #expect("\(error)".contains("router.examples"))
            #expect("\(error)".contains("no_such_intent"))
        }
    }

    @Test func extraExamplesTrainTheRouter() async throws {
        let message = "zorblax quintessence flumph"
        #expect(try await Conversation(try makeEngine()).say(message).skill == "system")
        let root = try folder(["en/coupon_request.txt": "zorblax quintessence flumph\nzorblax flumph code\nquintessence zorblax\n"])
        var configuration = StewardConfiguration()
        configuration.router.examplesDirectory = root.path
        let reply = try await Conversation(try makeEngine(configuration: configuration)).say(message)
        #expect(reply.skill == "coupons")
    }
}
