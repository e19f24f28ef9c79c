/**
 * The development stand-in for MongoDB on one box: a MongoDB-wire server persisting to
 * one file. Never part of a service: the services reach it through the official driver
 * only, exactly as they would reach a real MongoDB.
 */
@NullMarked
package vn.gov.cchc.localstore;

import org.jspecify.annotations.NullMarked;
