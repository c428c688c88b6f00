package fr.passerelle.gateway.audit;

/** The verdict of a verification of the whole trail. */
public sealed interface ChainVerification {

    /**
     * Every record follows its predecessor and matches its hash, from the anchor to the head.
     *
     * @param anchorSeq the last purged record (0 when nothing was purged)
     */
    record Intact(long records, long anchorSeq, long lastSeq) implements ChainVerification {
    }

    /**
     * The first place the trail is not what was written.
     *
     * @param seq    the record where the break shows
     * @param reason what is wrong, in an operator's words
     */
    record Broken(long seq, String reason) implements ChainVerification {
    }
}
