import StewardCore
import StewardModel

extension Ticket {
    /// The ticket with the text its team wrote passed through ``SecretMasker/mask(_:)``: every note's
    /// `text` and `author`. Stores apply it whenever a ticket is changed (``TicketStore/modifyTicket(id:_:)``),
    /// so a card number or PIN typed into `steward tickets note` is never stored; team replies are
    /// masked where they are added (``TicketStore/addReply(ticketID:author:text:)``). Masking is
    /// idempotent, so notes masked before are unchanged.
    public var maskingTeamText: Ticket {
        var copy = self
        copy.notes = notes.map { note in
            var note = note
            note.text = SecretMasker.mask(note.text)
            note.author = SecretMasker.mask(note.author)
            return note
        }
        return copy
    }
}
