import Foundation
import StewardCore

/// A scripted conversation with the agent and what each reply must look like: a conversation test.
///
/// Scripts are YAML files (see `docs/ConversationTests.md`), usually in a skill's `conversations/`
/// folder; ``ConversationScript/load(from:)`` reads one and ``ConversationRunner`` plays it against a
/// fresh engine with in-memory sessions and tickets.
///
/// ```yaml
/// name: Anonymous customer verifies with order number and email
/// turns:
///   - say: where is my order #1001?
///     expect: {skill: order_tracking, outcome: needs_input, text_contains: email}
///   - say: jane.doe@example.com
///     expect:
///       outcome: resolved
///       cards: [{kind: order, fields: {Tracking: 1Z999AA10123456784}}]
/// ```
public struct ConversationScript: Sendable, Hashable {
    /// One customer message and the expectations on the reply.
    public struct Turn: Sendable, Hashable {
        /// What the customer does.
        public enum Input: Sendable, Hashable {
            /// Types a message.
            case say(String)
            /// Clicks a quick reply or card button: its action, and the label shown (sent as the text).
            case click(action: String, title: String?)
        }

        public var input: Input
        /// Switches the conversation to this channel from this turn on.
        public var channel: Channel?
        /// Sets the engine's clock (``SkillContext/now``) to this time from this turn on (`now:` in the turn).
        public var now: Date?
        /// What the reply must look like.
        public var expect: ReplyExpectation
        /// The line of the turn in the file, for messages.
        public var line: Int?

        public init(
            input: Input, channel: Channel? = nil, now: Date? = nil, expect: ReplyExpectation = ReplyExpectation(),
            line: Int? = nil
        ) {
            self.input = input
            self.channel = channel
            self.now = now
            self.expect = expect
            self.line = line
        }

        /// The turn as a person would describe it: the text said, or the clicked action.
        public var label: String {
            switch input {
            case .say(let text): "\"\(text)\""
            case .click(let action, let title): title.map { "click \(action) (\"\($0)\")" } ?? "click \(action)"
            }
        }
    }

    /// The name printed with PASS or FAIL.
    public var name: String
    /// The file the script came from, if any.
    public var file: String?
    /// The channel of the conversation (web chat by default).
    public var channel: Channel
    /// The customer as the host knows them, sent with every message; nil for an anonymous one.
    public var customer: Customer?
    /// Settings over the defaults, as `steward.yaml` text (same keys, except `integrations` and `store`).
    public var configurationYAML: String?
    /// The time the conversation happens at (`now: 2026-03-07T10:00:00Z`): the engine's clock, which
    /// skills read as ``SkillContext/now``, and the "today" of the demo store's relative dates. Nil: the real time.
    public var now: Date?
    /// The shop's data the tools see.
    public var tools: ToolsSetup
    /// The conversation, in order.
    public var turns: [Turn]

    public init(
        name: String, file: String? = nil, channel: Channel = .webchat, customer: Customer? = nil,
        configurationYAML: String? = nil, now: Date? = nil, tools: ToolsSetup = ToolsSetup(), turns: [Turn]
    ) {
        self.now = now
        self.name = name
        self.file = file
        self.channel = channel
        self.customer = customer
        self.configurationYAML = configurationYAML
        self.tools = tools
        self.turns = turns
    }
}
