package fr.passerelle.gateway.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Dispatches {@code java -jar passerelle.jar <command> …} to the matching {@link OperatorCommand}. */
public final class OperatorCommands {

    static final int USAGE_ERROR = 2;

    private final List<OperatorCommand> commands;

    OperatorCommands(List<OperatorCommand> commands) {
        List<OperatorCommand> sorted = new ArrayList<>(commands);
        // Longest name first, so "trust verify" wins over a hypothetical "trust".
        sorted.sort(Comparator.comparingInt((OperatorCommand c) -> -words(c.name()).size())
                .thenComparing(OperatorCommand::name));
        this.commands = List.copyOf(sorted);
    }

    public static OperatorCommands discover() {
        List<OperatorCommand> found = new ArrayList<>();
        ServiceLoader.load(OperatorCommand.class).forEach(found::add);
        return new OperatorCommands(found);
    }

    public List<OperatorCommand> commands() {
        return commands;
    }

    /**
     * True when the arguments ask for a command or for help rather than for the server. Spring's own
     * {@code --name=value} arguments and no arguments at all mean "start the server".
     */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.equals("--help") || first.equals("-h") || first.equals("help") || !first.startsWith("--");
    }

    /**
     * Sends every log line of a command to standard error, warnings and errors only: standard output carries the
     * command's result alone (HAPI, for one, logs its version at INFO when a FHIR context is first made). Must
     * run before the first logger is made, i.e. first thing in {@code main}; an operator's own
     * {@code -Dlogback.configurationFile} wins.
     */
    public static void logToStandardError() {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "fr/passerelle/gateway/cli/logback-cli.xml");
        }
    }

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = Arrays.asList(args);
        String first = words.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            printHelp(out);
            return 0;
        }
        Optional<OperatorCommand> match = find(words);
        if (match.isEmpty()) {
            err.println("passerelle: unknown command '" + String.join(" ", words.subList(0, Math.min(2, words.size())))
                    + "'");
            printHelp(err);
            return USAGE_ERROR;
        }
        OperatorCommand command = match.get();
        List<String> rest = words.subList(words(command.name()).size(), words.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        return command.run(List.copyOf(rest), out, err);
    }

    Optional<OperatorCommand> find(List<String> args) {
        return commands.stream().filter(command -> {
            List<String> name = words(command.name());
            return args.size() >= name.size() && args.subList(0, name.size()).equals(name);
        }).findFirst();
    }

    void printHelp(PrintStream out) {
        out.println("Usage: java -jar passerelle.jar [--spring.property=value …]   start the gateway server");
        out.println("       java -jar passerelle.jar <command> [arguments]        run an operator command");
        out.println();
        out.println("Commands:");
        if (commands.isEmpty()) {
            out.println("  (none installed)");
        }
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (OperatorCommand command : commands) {
            out.printf("  %-" + width + "s  %s%n", command.name(), command.summary());
        }
        out.println();
        out.println("'<command> --help' prints a command's usage.");
    }

    private static List<String> words(String name) {
        return Arrays.asList(name.trim().split("\\s+"));
    }
}
