package fr.passerelle.gateway.audit;

/**
 * What a retention purge did.
 *
 * @param purged       records removed
 * @param anchorSeq    the record verification now starts after (the last purged one)
 */
public record PurgeResult(long purged, long anchorSeq) {
}
