package vn.gov.cchc.events;

/**
 * The seven areas of administrative reform a plan's communication covers.
 */
public enum ContentArea {

	/** Công tác chỉ đạo, điều hành cải cách hành chính. */
	DIRECTION,

	/** Cải cách thể chế. */
	INSTITUTIONS,

	/** Cải cách thủ tục hành chính (TTHC). */
	ADMINISTRATIVE_PROCEDURES,

	/** Cải cách tổ chức bộ máy hành chính nhà nước. */
	APPARATUS,

	/** Cải cách chế độ công vụ, xây dựng đội ngũ cán bộ, công chức, viên chức. */
	CIVIL_SERVICE,

	/** Cải cách tài chính công. */
	PUBLIC_FINANCE,

	/** Xây dựng và phát triển Chính phủ điện tử, Chính phủ số. */
	E_GOVERNMENT

}
