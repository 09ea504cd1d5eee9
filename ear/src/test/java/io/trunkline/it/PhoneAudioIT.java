package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call between two real baresip phones through Trunkline, with the audio checked by content. Phone A is the
 * carrier side and dials a DID; phone B is the PBX side and answers by itself. Each speaks its own prompt and records
 * what it hears: each recording must contain the other's prompt and not its own. The media flows phone to phone, so
 * this holds only if Trunkline passed both the SDP offer and the answer through intact (addresses, ports, codecs).
 */
class PhoneAudioIT extends InServerTest {
    /**
     * Pass mark for "this recording is that prompt". A G.711 round trip of the same waveform scores above 0.99
     * (quantisation noise is some 35 dB down); the threshold leaves room for a jitter buffer that drops or repeats a
     * frame. Unrelated speech scores around 0.1, so the negative controls must stay under {@link #UNRELATED}.
     */
    private static final double SAME_PROMPT = 0.8;
    private static final double UNRELATED = 0.4;
    /** The longest delay searched: far more than a loopback call adds between answer and first packet. */
    private static final int MAX_DELAY_SAMPLES = 2 * 8000;
    private static final Path PROMPTS = Path.of("target", "prompts");

    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void eachPhoneHearsWhatTheOtherSaidThroughTrunkline() throws Exception {
        // A's prompt ends first, so A hangs up (aufile ends the call at end of file) while B still has tail to play.
        Path spokenByA = SpokenPrompt.make(PROMPTS.resolve("carrier-caller.wav"),
                "Press one for sales. Press two for support.", 0.2, 2.5);
        Path spokenByB = SpokenPrompt.make(PROMPTS.resolve("pbx-callee.wav"),
                "Thank you for calling. Your call is important to us.", 0.2, 6.0);
        String did = Provision.uniqueUsNumber();

        try (Baresip pbxPhone = Baresip.phone("pbx-phone", did, true, spokenByB);
             Baresip carrierPhone = Baresip.phone("carrier-phone", "+12125550100", false, spokenByA)) {
            String carrierTrunk = provision.trunk("carrier-phone", "CARRIER", carrierPhone.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx-phone", "PBX", pbxPhone.sipPort));

            carrierPhone.dial("sip:" + did.substring(2) + "@127.0.0.1:" + TrunklineApi.SIP_PORT);
            pbxPhone.awaitLog("Call established", Duration.ofSeconds(15));
            carrierPhone.awaitLog("terminated", Duration.ofSeconds(30));
            pbxPhone.awaitLog("terminated", Duration.ofSeconds(10));

            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("inboundTrunk")).isEqualTo(carrierTrunk);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLER");
            assertHeard(pbxPhone, spokenByA, spokenByB);
            assertHeard(carrierPhone, spokenByB, spokenByA);
        }
    }

    /** The phone's recording matches what the other phone said, and not the phone's own prompt (negative control). */
    private static void assertHeard(Baresip phone, Path expected, Path control) throws Exception {
        double[] heard = WavCorrelation.samples(phone.received());
        double match = WavCorrelation.peak(heard, WavCorrelation.samples(expected), MAX_DELAY_SAMPLES);
        double unrelated = WavCorrelation.peak(heard, WavCorrelation.samples(control), MAX_DELAY_SAMPLES);
        System.out.printf("%s heard the other phone's prompt with correlation %.4f, its own with %.4f%n",
                phone, match, unrelated);
        assertThat(match).as("correlation of %s with %s", phone.received(), expected).isGreaterThan(SAME_PROMPT);
        assertThat(unrelated).as("correlation of %s with %s", phone.received(), control).isLessThan(UNRELATED);
    }
}
