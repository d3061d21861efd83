/**
 * Reviews: 1-5 stars with text by buyers of a workflow (one each, editable), helpful votes, abuse reports, ratings.
 */
package app.flowmarket.review;
