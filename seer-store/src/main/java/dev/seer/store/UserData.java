package dev.seer.store;

import java.util.List;
import java.util.Map;

/**
 * Everything the store holds about one user (the data export).
 *
 * @param appId application
 * @param userId user
 * @param attributes the user's attributes, empty if never set
 * @param events every event of the user, oldest first
 * @param erased whether the user has been erased
 */
public record UserData(
    String appId,
    String userId,
    Map<String, String> attributes,
    List<Event> events,
    boolean erased) {}
