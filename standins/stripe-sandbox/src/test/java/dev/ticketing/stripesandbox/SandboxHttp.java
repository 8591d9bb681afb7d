package dev.ticketing.stripesandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP against the sandbox, for what stripe-java hides: headers, exact bodies, requests
 * without a key, concurrent requests.
 */
final class SandboxHttp {

  private static final String FORM = "application/x-www-form-urlencoded";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  SandboxHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }

  HttpRequest.Builder authorized(String path) {
    return request(path).header("Authorization", "Bearer " + SandboxTestBase.API_KEY);
  }

  static HttpRequest.BodyPublisher form(String encoded) {
    return HttpRequest.BodyPublishers.ofString(encoded);
  }

  HttpRequest post(String path, String encodedForm, String idempotencyKey) {
    HttpRequest.Builder builder = authorized(path).header("Content-Type", FORM).POST(form(encodedForm));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return builder.build();
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
