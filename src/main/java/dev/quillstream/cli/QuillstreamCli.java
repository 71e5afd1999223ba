package dev.quillstream.cli;

import dev.quillstream.generation.Tone;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar quillstream.jar <command>}. Exit codes: 0 success, 2 bad input (one line says
 * why), 1 failure.
 */
@Command(
        name = "quillstream",
        mixinStandardHelpOptions = true,
        versionProvider = QuillstreamCli.Version.class,
        description = "Writes long-form content with language models. Without a command the jar serves HTTP on 8080.",
        subcommands = {BlogCommand.class, BookCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class QuillstreamCli {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    private static final Set<String> ENTRY_WORDS =
            Set.of("blog", "book", "export", "help", "--help", "-h", "--version", "-V");

    /** Whether these arguments are a command for the CLI rather than options for the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && ENTRY_WORDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QuillstreamCli());
        cli.registerConverter(Tone.class, Tone::of);
        cli.registerConverter(dev.quillstream.generation.BookKind.class, dev.quillstream.generation.BookKind::of);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("quillstream: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("Try 'java -jar quillstream.jar "
                            + ex.getCommandLine().getCommandName() + " --help' for the options.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            command.getErr().println("quillstream: failed: " + oneLine(ex));
            return FAILURE;
        });
        return cli;
    }

    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = QuillstreamCli.class.getPackage().getImplementationVersion();
            return new String[] {"quillstream " + (version == null ? "development build" : version)};
        }
    }
}
