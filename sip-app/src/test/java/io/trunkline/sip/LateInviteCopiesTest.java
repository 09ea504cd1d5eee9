package io.trunkline.sip;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LateInviteCopiesTest {
    @Test
    void branchIsReadFromTheTopViaWhateverItsCaseAndPosition() {
        assertEquals("z9hG4bK776asdhds", LateInviteCopies.branchOf(
                "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds;rport"));
        assertEquals("z9hG4bKa", LateInviteCopies.branchOf(
                "SIP/2.0/TCP 192.0.2.1:5060;received=192.0.2.9 ; BRANCH = z9hG4bKa"));
        assertEquals("z9hG4bKtop", LateInviteCopies.branchOf(
                "SIP/2.0/UDP a.example;branch=z9hG4bKtop, SIP/2.0/UDP b.example;branch=z9hG4bKbelow"));
    }

    @Test
    void aViaWithoutBranchHasNone() {
        assertNull(LateInviteCopies.branchOf("SIP/2.0/UDP old.rfc2543.example:5060"));
        assertNull(LateInviteCopies.branchOf(null));
    }
}
