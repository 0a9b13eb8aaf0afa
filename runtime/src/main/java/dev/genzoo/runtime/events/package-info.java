/**
 * TensorBoard's event files, written by genzoo itself: {@code Event} and {@code Summary} messages
 * encoded with protobuf-java's {@code CodedOutputStream} (the field numbers of {@code event.proto}
 * and {@code summary.proto}, written out in {@link dev.genzoo.runtime.events.EventMessages}), framed as
 * TFRecords with masked CRC-32C checksums.
 */
package dev.genzoo.runtime.events;
