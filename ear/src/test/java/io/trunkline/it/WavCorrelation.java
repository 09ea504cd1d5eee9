package io.trunkline.it;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Says how much of a reference sound a recording contains: the peak of the normalised cross-correlation over the
 * delays a call can add. 1 is the same waveform (at some delay, at any volume), around 0 unrelated sound. G.711 adds
 * quantisation noise some 35 dB below speech, which costs well under 0.01; a different utterance scores near 0.1.
 */
final class WavCorrelation {
    /** Overlaps shorter than a second are skipped: a few samples can line up by chance, a second of speech cannot. */
    private static final int MIN_OVERLAP_SAMPLES = 8000;

    private WavCorrelation() {
    }

    /** The samples of an 8 kHz mono 16-bit PCM WAV file, as the G.711 phones in the tests read and write them. */
    static double[] samples(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getSampleRate() != 8000 || format.getChannels() != 1 || format.getSampleSizeInBits() != 16
                    || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(wav + " is " + format + ", not 8 kHz mono 16-bit signed PCM");
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            double[] samples = new double[bytes.remaining() / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = bytes.getShort();
            }
            return samples;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file", e);
        }
    }

    /**
     * The highest normalised correlation of {@code reference} with {@code recording} at any delay within
     * {@code maxDelaySamples} either way: sum(r·p) / sqrt(sum(r²)·sum(p²)) over the overlap. A positive delay means
     * the recording started before the reference (silence first); a negative one that it started late, missing the
     * reference's first samples (a phone drops the packets that arrive before it has processed the SDP answer).
     */
    static double peak(double[] recording, double[] reference, int maxDelaySamples) {
        double[] products = crossCorrelation(recording, reference);
        double[] recordingEnergy = prefixEnergy(recording);
        double[] referenceEnergy = prefixEnergy(reference);
        int minimumOverlap = Math.min(MIN_OVERLAP_SAMPLES, Math.min(recording.length, reference.length));
        double best = 0;
        for (int delay = -maxDelaySamples; delay <= maxDelaySamples; delay++) {
            int recordingStart = Math.max(delay, 0);
            int referenceStart = Math.max(-delay, 0);
            int overlap = Math.min(recording.length - recordingStart, reference.length - referenceStart);
            if (overlap < minimumOverlap) {
                continue;
            }
            double energy = (recordingEnergy[recordingStart + overlap] - recordingEnergy[recordingStart])
                    * (referenceEnergy[referenceStart + overlap] - referenceEnergy[referenceStart]);
            if (energy > 0) {
                best = Math.max(best, products[Math.floorMod(delay, products.length)] / Math.sqrt(energy));
            }
        }
        return best;
    }

    /**
     * products[d] = sum over i of recording[d + i]·reference[i], for every delay d at once (a negative d at index
     * size + d): the inverse FFT of FFT(recording)·conj(FFT(reference)), zero-padded so that nothing wraps around.
     */
    private static double[] crossCorrelation(double[] recording, double[] reference) {
        int size = Integer.highestOneBit(recording.length + reference.length) * 2;
        double[] re = Arrays.copyOf(recording, size);
        double[] im = new double[size];
        double[] refRe = Arrays.copyOf(reference, size);
        double[] refIm = new double[size];
        fft(re, im, false);
        fft(refRe, refIm, false);
        for (int k = 0; k < size; k++) {
            double r = re[k] * refRe[k] + im[k] * refIm[k];
            double i = im[k] * refRe[k] - re[k] * refIm[k];
            re[k] = r;
            im[k] = i;
        }
        fft(re, im, true);
        for (int k = 0; k < size; k++) {
            re[k] /= size;
        }
        return re;
    }

    /** In-place iterative radix-2 FFT (Cooley-Tukey); {@code inverse} flips the sign of the exponent only. */
    private static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) { // bit-reversal permutation
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            for (int start = 0; start < n; start += length) {
                for (int k = 0; k < length / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = start + k;
                    int b = a + length / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** energy[i] is the sum of the squares of the first i samples, so any window's energy is one subtraction. */
    private static double[] prefixEnergy(double[] samples) {
        double[] energy = new double[samples.length + 1];
        for (int i = 0; i < samples.length; i++) {
            energy[i + 1] = energy[i] + samples[i] * samples[i];
        }
        return energy;
    }
}
