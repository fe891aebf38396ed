package org.sampling4j.examples;

import org.sampling4j.examples.demo.GenerationDemo;
import org.sampling4j.examples.demo.JsonSchemaDemo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The examples jar's entry point: {@code java -jar sampling-examples.jar <command>}. */
@Command(name = "sampling-examples", mixinStandardHelpOptions = true,
        description = "Sampling4J example programs.",
        subcommands = {Quickstart.class, GenerationDemo.class, JsonSchemaDemo.class, ConformanceCli.class, SpeculativeCli.class, TextCli.class, GrammarCli.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
