package dev.ticketing.tickets.domain;

/** What a seller may set on a ticket, already checked by {@link TicketRules}. {@code price} is in cents. */
public record TicketDraft(String title, long price) {
}
