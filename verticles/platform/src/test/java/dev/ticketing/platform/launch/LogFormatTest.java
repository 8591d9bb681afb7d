package dev.ticketing.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The services' logback.xml: LOG_FORMAT chooses lines for a terminal or JSON objects for a collector. */
class LogFormatTest {

  @AfterEach
  void restore() {
    System.clearProperty("LOG_FORMAT");
    System.clearProperty("SERVICE_NAME");
  }

  @Test
  void jsonGivesOneObjectPerLineWithTheServiceAndTheMessage() throws Exception {
    String line = logOneLine("json");
    JsonObject logged = new JsonObject(line);
    assertEquals("orders", logged.getString("service"));
    assertEquals("order 42 created", logged.getString("message"));
    assertEquals("INFO", logged.getString("level"));
  }

  @Test
  void textIsTheDefaultLine() throws Exception {
    String line = logOneLine("text");
    assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  orders \\[.+] .* - order 42 created"), line);
  }

  /**
   * Configures a fresh logback context from the services' file, as a JVM with that environment
   * would, and encodes one event with the appender the root logger got.
   */
  @SuppressWarnings("unchecked")
  private String logOneLine(String format) throws Exception {
    System.setProperty("LOG_FORMAT", format);
    System.setProperty("SERVICE_NAME", "orders");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    Logger logger = context.getLogger("dev.ticketing.orders.Test");
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);
    byte[] line = appender.getEncoder().encode(new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
        "order {} created", null, new Object[] {42}));
    context.stop();
    return new String(line, StandardCharsets.UTF_8).strip();
  }
}
