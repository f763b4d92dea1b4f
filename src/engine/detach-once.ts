/**
 * V8 assumes, until the first time a thread detaches an ArrayBuffer (transfers it to another
 * thread), that none ever is: code optimised under that assumption reads typed arrays without
 * checking. The first transfer invalidates it, and with it every piece of such code at once. A
 * worker whose first reply transfers its sums therefore throws away every formula and kernel its
 * first job optimised (about 130 functions, run again in the interpreter and compiled again;
 * issue #25, W2). A worker calls this before it runs anything: one buffer of 8 bytes is detached
 * here, so what it optimises afterwards checks for detached buffers, as it would after its
 * first reply anyway, and stays valid.
 */
export function detachOneBuffer(): void {
  const b = new ArrayBuffer(8);
  structuredClone(b, { transfer: [b] });
}
