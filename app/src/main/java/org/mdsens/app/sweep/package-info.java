/**
 * Parameter sweeps ({@code mdsens sweep}, {@code mdsens merge}; DESIGN.md §5, issue 6).
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.app.sweep.SweepPlan}: the grid of a sweep file (points in the
 *       lexicographic order of the sorted varied names, replicas with seeds seed, seed+1, ...) and its
 *       chains (one replica, every coordinate but the last-sorted parameter fixed): the unit of warm
 *       starts, parallel work, sharding and resume;</li>
 *   <li>{@link org.mdsens.app.sweep.ShardSpec}: {@code --shard I/N}, or the Slurm array variables;</li>
 *   <li>{@link org.mdsens.app.sweep.SweepSetup}: reads and validates a sweep file without writing
 *       anything (bad input is a {@link org.mdsens.app.job.JobFileException} naming key and line);</li>
 *   <li>{@link org.mdsens.app.sweep.SweepRunner}: runs the chains of one shard on a pool of workers,
 *       committing every finished point atomically in {@code DIR/points/} ({@link org.mdsens.app.sweep.PointStore}),
 *       so that a killed sweep resumes where it stopped and gives the same bits;</li>
 *   <li>{@link org.mdsens.app.sweep.SweepTables}, {@link org.mdsens.app.sweep.SweepPlots}: the final
 *       {@code results.csv}, {@code results.jsonl} and summary plots, rebuilt from the committed points;</li>
 *   <li>{@link org.mdsens.app.sweep.SweepMerge}: combines shard directories, checking that every
 *       point and replica is present exactly once.</li>
 * </ul>
 */
package org.mdsens.app.sweep;
