package fr.passerelle.gateway.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A tool the agency runs from the gateway's jar ({@code java -jar passerelle.jar <name> …}) instead of
 * starting the server. Commands are found with {@link java.util.ServiceLoader}, so each capability
 * registers its own in {@code META-INF/services/fr.passerelle.gateway.cli.OperatorCommand} without
 * touching the dispatcher.
 */
public interface OperatorCommand {

    /** The words that select this command, e.g. {@code "trust verify"} or {@code "translate"}. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** Full usage, printed by {@code <name> --help} and on a usage error. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return the process exit status: 0 success, 1 a negative verdict or failure, 2 a usage error
     */
    int run(List<String> args, PrintStream out, PrintStream err);

    /** Prints what is wrong with the arguments, then the usage; returns the usage-error exit status. */
    default int usageError(PrintStream err, String message) {
        err.println(message);
        err.println(usage());
        return 2;
    }
}
