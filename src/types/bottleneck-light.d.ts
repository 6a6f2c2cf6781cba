// bottleneck ships types for its main entry only; light.js (without clustering, the build the
// throttling plugin imports) exports the same class.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
