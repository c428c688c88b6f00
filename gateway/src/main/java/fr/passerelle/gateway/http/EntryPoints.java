package fr.passerelle.gateway.http;

import java.util.List;

/**
 * The gateway's entry points in their order, and the one of every request no other serves (consoles, probes,
 * unknown paths): who answers a request before its protocol does.
 */
public final class EntryPoints {

    private final List<EntryPoint> ordered;
    private final EntryPoint fallback;

    public EntryPoints(List<EntryPoint> ordered, EntryPoint fallback) {
        this.ordered = List.copyOf(ordered);
        this.fallback = fallback;
    }

    /** The entry point serving a path ({@link EntryPoint#pathOf}). */
    public EntryPoint forPath(String path) {
        return ordered.stream().filter(e -> e.serves(path)).findFirst().orElse(fallback);
    }

    /** Whether a path is served by a protocol or an API rather than the fallback. */
    public boolean isProtocol(String path) {
        return forPath(path) != fallback;
    }
}
