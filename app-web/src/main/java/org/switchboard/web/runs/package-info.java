/** The native runs API ({@code /api/v1/runs}): a run's state, usage and output, scoped to its owner. */
package org.switchboard.web.runs;
