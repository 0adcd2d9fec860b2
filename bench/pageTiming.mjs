// Timing an edit in a page of the built site, shared by the benchmarks that drive widgets.

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

/**
 * In the page: at the start of a frame, sets a field as typing would, then follows the frames until
 * the widget stops changing. Resolves with the ms from the edit to the end of the edit's own frame
 * (what the synchronous render showed) and to the end of the frame that painted the widget's last
 * change (a widget may draw its byte views in a later, deferred render). Within 16 ms means the new
 * result was on screen in the frame of the edit.
 */
export function timeEdit(page, widgetName, fieldName, value) {
  return page.evaluate(
    ([widgetName, fieldName, value]) =>
      new Promise((resolve) => {
        const root = document.querySelector(`[data-widget="${widgetName}"]`);
        const input = root.querySelector(`[data-field="${fieldName}"] input, [data-field="${fieldName}"] textarea`);
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
        // A task posted from a frame callback runs after that frame's style, layout and paint.
        const afterNextFrame = (callback) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => callback(performance.now());
            channel.port2.postMessage(null);
          });
        requestAnimationFrame(() => {
          let changed = false;
          // Watching starts once the edit's own frame is over, so that the watching costs that frame nothing.
          const observer = new MutationObserver(() => (changed = true));
          const started = performance.now();
          setter.call(input, value);
          input.dispatchEvent(new Event('input', {bubbles: true}));
          let paintedAt = started;
          let quietFrames = 0;
          const channel = new MessageChannel();
          // The end of this frame: the edit's synchronous render has been painted.
          channel.port1.onmessage = () => {
            paintedAt = performance.now();
            const firstFrame = paintedAt - started;
            observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
            const follow = (now) => {
              if (changed) {
                paintedAt = now;
                changed = false;
                quietFrames = 0;
              } else quietFrames++;
              if (quietFrames >= 3) {
                observer.disconnect();
                resolve({firstFrame, settled: paintedAt - started});
              } else afterNextFrame(follow);
            };
            afterNextFrame(follow);
          };
          channel.port2.postMessage(null);
        });
      }),
    [widgetName, fieldName, value],
  );
}

