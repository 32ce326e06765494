package no.kompetansemidler.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What the server logs while a test runs (every logger, through the root): to check that a refusal is logged as
 * one line and never as an error with a stack trace, or that something is never logged at all.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level before;

    private LogCapture(Level level) {
        before = root.getLevel();
        if (level != null) {
            root.setLevel(level);
        }
        appender.start();
        root.addAppender(appender);
    }

    /** Captures at the configured levels (WARN and above in the tests). */
    public static LogCapture start() {
        return new LogCapture(null);
    }

    /** Captures from the level given (e.g. INFO, for the one-line refusals), until closed. */
    public static LogCapture from(Level level) {
        return new LogCapture(level);
    }

    public List<ILoggingEvent> events() {
        return appender.list;
    }

    /** Whether an event is a fault: an error, or anything with a stack trace. */
    public static boolean isFault(ILoggingEvent event) {
        return event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.ERROR);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(before);
    }
}
