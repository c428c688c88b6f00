package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Ins;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A patient's FHIR id hides the INS, is the same every time under one key, opens only under that key, and anything
 * altered opens to nothing.
 */
class PatientIdsTest {

    private static final byte[] KEY = key(7);
    private static final Ins NIR = new Ins(Ins.TEST_NIR, "284056912304563");

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = (byte) (seed * 31);
        return key;
    }

    @Test
    void anIdIsAStableFhirIdThatNamesNeitherTheInsNorItsOid() {
        PatientIds ids = new PatientIds(KEY);
        String id = ids.idOf(NIR);

        assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}").doesNotContain(NIR.value()).doesNotContain("1.2.250")
                .hasSize(38);
        assertThat(new PatientIds(KEY).idOf(NIR)).as("another node with the same key").isEqualTo(id);
        assertThat(ids.insOf(id)).contains(NIR);
    }

    @Test
    void everyInsOidAndTheLongestValueRoundTripWithinSixtyFourCharacters() {
        PatientIds ids = new PatientIds(KEY);
        for (String oid : Ins.KNOWN_OIDS) {
            Ins longest = new Ins(oid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
            String id = ids.idOf(longest);
            assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}");
            assertThat(ids.insOf(id)).contains(longest);
            Ins one = new Ins(oid, "7");
            assertThat(ids.insOf(ids.idOf(one))).contains(one);
        }
    }

    @Test
    void differentPatientsHaveDifferentIdsAndAnotherKeyGivesOtherIds() {
        PatientIds ids = new PatientIds(KEY);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(ids.idOf(new Ins(Ins.NIR, "1840" + i)))).isTrue();
        }
        assertThat(new PatientIds(key(8)).idOf(NIR)).isNotEqualTo(ids.idOf(NIR));
    }

    @Test
    void anIdMadeUnderAnotherKeyOrAlteredOpensToNothing() {
        PatientIds ids = new PatientIds(KEY);
        String id = ids.idOf(NIR);

        assertThat(ids.insOf(new PatientIds(key(8)).idOf(NIR))).isEmpty();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.";
        for (int position = 0; position < id.length(); position++) {
            for (char c : new char[] {'A', 'z', '5', '-'}) {
                if (id.charAt(position) == c) {
                    continue;
                }
                String altered = id.substring(0, position) + c + id.substring(position + 1);
                assertThat(ids.insOf(altered)).as(altered).isEmpty();
            }
        }
        assertThat(alphabet).hasSize(64);
        assertThat(ids.insOf(id.substring(0, id.length() - 1))).isEmpty();
        assertThat(ids.insOf(id + "A")).isEmpty();
    }

    @Test
    void junkAndTheOldInsShapedIdsOpenToNothing() {
        PatientIds ids = new PatientIds(KEY);
        for (String junk : new String[] {"", "x", "1.2.250.1.213.1.4.10-284056912304563", "Patient", "a_b",
                "A".repeat(65), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "é"}) {
            assertThat(ids.insOf(junk)).as(junk).isEmpty();
        }
        assertThat(ids.insOf(null)).isEmpty();
    }
}
