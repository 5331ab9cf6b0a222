// Placeholder: the app frame (navigation, language switch, live counts) lands next.
export function App() {
  return <p>Zaplecze</p>;
}
