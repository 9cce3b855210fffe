/**
 * The {@code mdsens} command line: {@link org.mdsens.app.Main} and its subcommands in
 * {@link org.mdsens.app.command}; job files in {@link org.mdsens.app.job}; the run itself in
 * {@link org.mdsens.app.run}; result files in {@link org.mdsens.app.output}. The app parses,
 * validates, calls the library and writes results; it holds no physics.
 */
package org.mdsens.app;
