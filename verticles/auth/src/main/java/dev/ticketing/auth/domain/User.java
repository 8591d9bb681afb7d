package dev.ticketing.auth.domain;

/** A stored account. The hash never leaves the auth service: the API's shape ({@code UserReplies}) omits it. */
public record User(String id, String email, String passwordHash) {
}
