package dev.quillstream;

import dev.quillstream.cli.QuillstreamCli;
import org.springframework.boot.SpringApplication;

/**
 * One jar, two faces: with a command name ({@code blog}, {@code help}, ...) it is the command-line
 * tool; with none (or only Spring options such as {@code --server.port=9090}) it serves HTTP.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (QuillstreamCli.handles(args)) {
            System.exit(QuillstreamCli.run(args));
        }
        SpringApplication.run(QuillstreamApplication.class, args);
    }
}
