/**
 * Whether a unit reached its plan's targets in a period: coverage of a group, cadence of
 * a recurring activity, quantities, and the external indexes (PAR INDEX, SIPAS, PAPI,
 * PCI, DDCI, DTI) whose published values reviewers record here.
 */
@NullMarked
package vn.gov.cchc.report.indicator;

import org.jspecify.annotations.NullMarked;
