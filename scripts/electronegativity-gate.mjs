// Placeholder until the security issue lands the real gate (runs @doyensec/electronegativity).
console.log('security scan: not yet configured');
