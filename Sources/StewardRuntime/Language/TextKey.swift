/// Steward's own texts, by the key a translation uses in `steward.yaml` (`translations: {pl: {offer_message: …}}`)
/// and in the built-in `Texts/<lang>.yaml`. Words in braces are filled in by Steward.
public enum TextKey: String, Sendable, Hashable, CaseIterable {
    /// The first message the router cannot place; `{skills}`: two or three things Steward can do (`fallback.rephrase_message`).
    case rephraseMessage = "rephrase_message"
    /// The second miss in a row, before the offer of a person (`fallback.apology_message`).
    case apologyMessage = "apology_message"
    /// Offering a person (`fallback.offer_message`).
    case offerMessage = "offer_message"
    /// Asking an anonymous customer for an email before a ticket is opened (`handoff.email_prompt`).
    case emailPrompt = "email_prompt"
    /// After the ticket is opened in business hours; `{response_time}` (`handoff.handed_off_message`).
    case handedOffMessage = "handed_off_message"
    /// After the ticket is opened outside business hours (`handoff.away_message`).
    case awayMessage = "away_message"
    /// When the customer declines a person (`handoff.declined_message`).
    case declinedMessage = "declined_message"
    /// Sent instead of a person with `handoff.method: message` (`handoff.message`).
    case handoffMessage = "handoff_message"
    /// How soon a person replies, put into `handed_off_message` (`handoff.response_time`).
    case responseTime = "response_time"
    /// A greeting answered.
    case greeting
    /// A greeting answered to a customer whose name is known; `{name}`.
    case greetingNamed = "greeting_named"
    /// Thanks answered, with "anything else?".
    case thanks
    /// Goodbye answered; `{shop}`.
    case goodbye
    /// "Never mind" when nothing was going on.
    case cancel
    /// "What can you do?"; `{agent}`, `{shop}`, `{skills}` (one line per skill).
    case capabilities
    /// "Never mind" while a skill waited for an answer; `{skill}`.
    case taskStopped = "task_stopped"
    /// The first "that's not what I asked".
    case complaintRephrase = "complaint_rephrase"
    /// The second "that's not what I asked", before the offer of a person.
    case complaintHandoff = "complaint_handoff"
    /// The same question again after an answer, before the offer of a person.
    case repeatedQuestion = "repeated_question"
    /// The ambiguity question; `{options}`: the two readings joined by `or`.
    case ambiguous
    /// The word between the last two items of a list ("A, B or C").
    case or
    /// A request for a skill that is not available here; `{skill}`.
    case skillUnavailable = "skill_unavailable"
    /// A skill that failed (a tool did not answer).
    case skillFailed = "skill_failed"
    /// After another topic was answered: back to the interrupted one? `{skill}`.
    case resumeQuestion = "resume_question"
    /// The quick reply going back to the interrupted topic; `{skill}`.
    case resumeButton = "resume_button"
    /// The quick reply accepting a person.
    case handoffYes = "handoff_yes"
    /// The quick reply declining a person.
    case handoffNo = "handoff_no"
    /// Put before the email prompt when the answer was not an email address.
    case notAnEmail = "not_an_email"
    /// Added after a handoff on SMS and WhatsApp to an external helpdesk.
    case continueByText = "continue_by_text"
    /// Added after a handoff by email to an external helpdesk; `{email}`.
    case continueByEmail = "continue_by_email"
    /// A message added to the open ticket.
    case forwardedToTeam = "forwarded_to_team"
    /// The label of the "talk to a person" choice.
    case talkToPerson = "talk_to_person"
    /// The label of the "what can you do" choice.
    case whatICanDo = "what_i_can_do"
    /// Before the offer of a person to a customer writing in a language the shop does not serve;
    /// `{languages}`: the shop's languages, each in its own name.
    case unsupportedLanguage = "unsupported_language"
    /// Filler such as "hold on" or "one sec": the open question stays open.
    case holdOn = "hold_on"
    /// An acknowledgement ("ok", "great", 👍) after an answer: a short polite reply, nothing more.
    case acknowledged
    /// A close ("no thanks", "that's all", "no" to "anything else?").
    case closing
    /// "No" to going back to an interrupted topic; `{skill}`.
    case resumeDeclined = "resume_declined"
    /// How to go back to an interrupted topic on SMS and WhatsApp, which have no buttons; `{skill}`.
    case resumeByText = "resume_by_text"
    /// A skill's question asked too often without an answer; `{skill}`. A person is offered next.
    case reaskLimit = "reask_limit"
    /// Where an order number is found, after ``reaskLimit`` when an order number was asked.
    case findOrderNumber = "find_order_number"
    /// Where the order's email is found, after ``reaskLimit`` when the order's email was asked.
    case findEmail = "find_email"
    /// The offer of a person asked again after an unclear answer.
    case confirmHandoff = "confirm_handoff"
    /// The email prompt asked too often without an email: the handoff waits.
    case emailGaveUp = "email_gave_up"
    /// "ok" or "yes" with nothing asked and nothing just answered: an invitation to go on.
    case whatElse = "what_else"
    /// The offer of a person asked too often without an answer: left open for later.
    case offerGaveUp = "offer_gave_up"
    /// A button from a question that is no longer open.
    case optionExpired = "option_expired"
    /// Too many failed order number and email checks (`verification` in the configuration): try later.
    /// A person is offered next.
    case verificationLimit = "verification_limit"
}
