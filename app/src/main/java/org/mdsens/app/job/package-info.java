/**
 * Job files (DESIGN.md §5): {@link org.mdsens.app.job.JobReader} reads TOML into validated
 * {@link org.mdsens.app.job.JobSpec} records, with a key → line index
 * ({@link org.mdsens.app.job.TomlLineIndex}) so that every error names file and line;
 * {@link org.mdsens.app.job.JobBuilder} turns a spec into a ParticleSystem, an EnergyModel and a
 * MinimizerConfig. Problems are {@link org.mdsens.app.job.JobFileException}s with one-line
 * messages ({@code job.toml:12: [species.B] diameter must be > 0, got -1.4}).
 */
package org.mdsens.app.job;
