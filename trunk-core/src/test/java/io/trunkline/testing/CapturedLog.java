package io.trunkline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one logger writes while a test runs. {@link System.Logger} writes through java.util.logging when no
 * other backend is installed, as in these tests; System.Logger's ERROR arrives as SEVERE.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger; // held, because java.util.logging keeps loggers only weakly
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String name) {
        logger = Logger.getLogger(name);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    public static CapturedLog of(Class<?> loggingClass) {
        return new CapturedLog(loggingClass.getName());
    }

    /** Messages logged at ERROR (SEVERE). */
    public List<String> errors() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel() == Level.SEVERE).map(LogRecord::getMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
