package vn.gov.cchc.rulefixture;

import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class OwnAdvice {

}
