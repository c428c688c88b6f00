package fr.passerelle.gateway.security;

import fr.passerelle.gateway.cli.OperatorCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code operator hash-password}: reads a password on standard input and prints the hash to put in
 * {@code passerelle.security.operators[].password-hash}. Never takes the password as an argument (it would land in
 * the shell history and the process list).
 */
public class HashPasswordCommand implements OperatorCommand {

    private final InputStream in;

    public HashPasswordCommand() {
        this(System.in);
    }

    HashPasswordCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public String name() {
        return "operator hash-password";
    }

    @Override
    public String summary() {
        return "hash an operator password (read on standard input) for passerelle.security.operators";
    }

    @Override
    public String usage() {
        return "Usage: java -jar passerelle.jar operator hash-password < password-file\n"
                + "Reads one line (the password) on standard input and prints its {bcrypt} hash.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("operator hash-password takes no argument: give the password on standard input");
            err.println(usage());
            return 2;
        }
        try {
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.length() < 12) {
                err.println("operator hash-password: the password must be at least 12 characters");
                return 1;
            }
            out.println(PasswordHashing.encoder().encode(password));
            return 0;
        } catch (IOException e) {
            err.println("operator hash-password: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }
}
