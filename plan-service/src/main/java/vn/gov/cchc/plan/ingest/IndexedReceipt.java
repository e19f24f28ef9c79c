package vn.gov.cchc.plan.ingest;

import java.util.concurrent.CompletableFuture;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A receipt in the {@link ReceiptIndex}, and whether it is in the store yet. The receipt
 * is replaced as it is recorded or retracted, under the entry's lock.
 */
final class IndexedReceipt {

	private static final CompletableFuture<Boolean> WRITTEN = CompletableFuture.completedFuture(true);

	volatile ProgressReceipt receipt;

	/** Completes with true once written, with false if the claim was given up. */
	final CompletableFuture<Boolean> durable;

	/**
	 * The journal document holding it; {@code null} for a receipt of earlier versions.
	 */
	volatile @Nullable ObjectId journalId;

	/** A claim made here, not written yet. */
	IndexedReceipt(ProgressReceipt claim) {
		this.receipt = claim;
		this.durable = new CompletableFuture<>();
	}

	/** A receipt read from the store. */
	IndexedReceipt(ProgressReceipt stored, @Nullable ObjectId journalId) {
		this.receipt = stored;
		this.durable = WRITTEN;
		this.journalId = journalId;
	}

}
