/**
 * The picocli subcommands ({@code run}, {@code check}), their exit codes and the mapping from
 * exceptions to one-line messages. Commands print results to stdout and messages to stderr.
 */
package org.mdsens.app.command;
