package io.trunkline.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A spoken prompt made by real text-to-speech ({@code espeak-ng}) and resampled for G.711 by {@code sox}. */
final class SpokenPrompt {
    private SpokenPrompt() {
    }

    /**
     * Writes {@code text} spoken as an 8 kHz mono 16-bit WAV file, with {@code leadSeconds} of silence before and
     * {@code tailSeconds} after (baresip's aufile hangs up when its file ends: the tail keeps the call up meanwhile).
     */
    static Path make(Path file, String text, double leadSeconds, double tailSeconds) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path spoken = file.resolveSibling(file.getFileName() + ".espeak.wav");
        run(List.of("espeak-ng", "-v", "en-us", "-w", spoken.toString(), text));
        run(List.of("sox", spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                file.toString(), "pad", Double.toString(leadSeconds), Double.toString(tailSeconds)));
        return file;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish in 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed with " + process.exitValue() + ": " + output);
        }
    }
}
