package vn.gov.cchc.plan.plan;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/plans/{planId}:issue}.
 *
 * @param issuedOn the date on the issued document (required)
 * @param revision the revision the draft was read at; a draft changed since is not issued
 * (409)
 */
public record IssueRequest(@Nullable LocalDate issuedOn, @Nullable Long revision) {

}
