package vn.gov.cchc.events;

/**
 * What an activity is expected to leave behind as proof (sản phẩm, kết quả dự kiến).
 */
public enum EvidenceKind {

	LINK, ATTENDANCE_LIST, VIDEO, PHOTO, DOCUMENT

}
