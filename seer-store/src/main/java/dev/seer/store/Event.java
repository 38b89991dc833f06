package dev.seer.store;

/**
 * One user event.
 *
 * @param eventId the client's id for the event; sending it again is a no-op (idempotence)
 * @param userId external user id
 * @param itemId external item id
 * @param type the kind of event
 * @param value the rating for {@link EventType#RATING}, else {@code NaN}
 * @param timestamp epoch milliseconds when it happened
 */
public record Event(
    String eventId, String userId, String itemId, EventType type, double value, long timestamp) {}
