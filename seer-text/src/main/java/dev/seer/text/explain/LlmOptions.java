package dev.seer.text.explain;

import dev.seer.api.InputException;
import java.net.URI;
import java.time.Duration;

/**
 * Settings of the optional language-model endpoint (an OpenAI-compatible chat completions API).
 *
 * @param baseUrl the API base, e.g. {@code https://api.example.com/v1} ({@code /chat/completions}
 *     is appended)
 * @param apiKey the key sent as {@code Authorization: Bearer}, or empty for none
 * @param model the model name sent in each request
 * @param timeout the most time one request may take
 * @param retries extra attempts after a failed one (timeouts, 429 and 5xx), 0 to 5
 * @param backoff the wait before the first retry, doubled each time (zero for none)
 * @param maxTokens the cap on total tokens (as reported by the endpoint's {@code usage}, or the
 *     characters sent and received over 4 when it reports none); once reached, no more requests
 * @param maxReplyTokens the {@code max_tokens} of each request
 * @param allowPersonalData whether the user's own items may be sent; off by default
 * @param cacheSize how many replies are cached by prompt
 * @param callsPerMinute the most requests sent in any 60 seconds (a cost cap; cache hits do not
 *     count), 0 for no limit
 */
public record LlmOptions(
    URI baseUrl,
    String apiKey,
    String model,
    Duration timeout,
    int retries,
    Duration backoff,
    long maxTokens,
    int maxReplyTokens,
    boolean allowPersonalData,
    int cacheSize,
    int callsPerMinute) {
  /** Validates the settings. */
  public LlmOptions {
    if (baseUrl == null
        || baseUrl.getScheme() == null
        || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
      throw new InputException(
          "The LLM base URL must be an http or https URL such as https://host/v1, got '"
              + baseUrl
              + "'.");
    }
    if (model == null || model.isBlank()) {
      throw new InputException("The LLM model name is empty; give the model to use.");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InputException("The LLM timeout must be positive, got " + timeout + ".");
    }
    if (retries < 0 || retries > 5) {
      throw new InputException("The LLM retries must be 0 to 5, got " + retries + ".");
    }
    if (backoff == null || backoff.isNegative()) {
      throw new InputException("The LLM backoff must be zero or more, got " + backoff + ".");
    }
    if (maxTokens < 0) {
      throw new InputException("The LLM token cap must be 0 or more, got " + maxTokens + ".");
    }
    if (maxReplyTokens < 1) {
      throw new InputException(
          "The LLM reply length must be at least 1 token, got " + maxReplyTokens + ".");
    }
    if (cacheSize < 0) {
      throw new InputException("The LLM cache size must be 0 or more, got " + cacheSize + ".");
    }
    if (callsPerMinute < 0) {
      throw new InputException(
          "The LLM calls per minute must be 0 (no limit) or more, got " + callsPerMinute + ".");
    }
    apiKey = apiKey == null ? "" : apiKey;
  }

  /**
   * Settings with no per-minute limit on calls.
   *
   * @param baseUrl the API base
   * @param apiKey the key
   * @param model the model
   * @param timeout the most time one request may take
   * @param retries extra attempts after a failed one
   * @param backoff the wait before the first retry
   * @param maxTokens the cap on total tokens
   * @param maxReplyTokens the {@code max_tokens} of each request
   * @param allowPersonalData whether the user's own items may be sent
   * @param cacheSize how many replies are cached
   */
  public LlmOptions(
      URI baseUrl,
      String apiKey,
      String model,
      Duration timeout,
      int retries,
      Duration backoff,
      long maxTokens,
      int maxReplyTokens,
      boolean allowPersonalData,
      int cacheSize) {
    this(
        baseUrl,
        apiKey,
        model,
        timeout,
        retries,
        backoff,
        maxTokens,
        maxReplyTokens,
        allowPersonalData,
        cacheSize,
        0);
  }

  /**
   * Returns these settings with another per-minute call limit.
   *
   * @param calls the most requests in any 60 seconds, 0 for no limit
   * @return the settings
   */
  public LlmOptions withCallsPerMinute(int calls) {
    return new LlmOptions(
        baseUrl,
        apiKey,
        model,
        timeout,
        retries,
        backoff,
        maxTokens,
        maxReplyTokens,
        allowPersonalData,
        cacheSize,
        calls);
  }

  /**
   * Returns these settings with personal data allowed or not.
   *
   * @param allow whether the user's own items may be sent
   * @return the settings
   */
  public LlmOptions withPersonalData(boolean allow) {
    return new LlmOptions(
        baseUrl,
        apiKey,
        model,
        timeout,
        retries,
        backoff,
        maxTokens,
        maxReplyTokens,
        allow,
        cacheSize,
        callsPerMinute);
  }

  /**
   * Returns settings with the defaults: 10 s timeout, 2 retries from 500 ms, a cap of 100,000
   * tokens, replies of at most 80 tokens, no personal data, 10,000 cached replies, no per-minute
   * limit.
   *
   * @param baseUrl the API base
   * @param apiKey the key
   * @param model the model
   * @return the settings
   */
  public static LlmOptions of(URI baseUrl, String apiKey, String model) {
    return new LlmOptions(
        baseUrl,
        apiKey,
        model,
        Duration.ofSeconds(10),
        2,
        Duration.ofMillis(500),
        100_000,
        80,
        false,
        10_000,
        0);
  }
}
