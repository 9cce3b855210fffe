/**
 * Running a built job: kernel selection, the energy evaluator, the minimizer, and the
 * {@link org.mdsens.app.run.RunOutcome} that the output writers turn into files.
 */
package org.mdsens.app.run;
